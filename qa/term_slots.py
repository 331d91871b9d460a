"""Where a pair's English renders a term no gloss reaches: the words the rest of the pair leaves over.

A recurring term rendered by a synonym ('graded referrals' or 'hierarchical
medical care' for 分级诊疗, 'plea bargain' for 认罪认罚) shares no word with
its CC-CEDICT glosses, so the gloss readings of term-consistency see nothing
in that pair, and a document that renders the term three ways looks
consistent.  The rendering can still be found by elimination, as a reviewer
aligns by eye: the glosses of the pair's *other* Chinese words explain most
of the English content words; the phrase they leave over is where the term
went (its *slot*).

Two questions are answered here, both on one pair's :class:`Words`:

- :func:`says_loosely`: does the English say every content word of a
  rendering, near each other in one clause ('upgrading of traditional
  industries' says 'industrial upgrading')?  A pair that does follows that
  rendering, whatever its slot;
- :func:`slot`: the pair's phrase that renders the term, asked only of a
  pair whose English says no gloss of the term (where one is said, the
  gloss readings own the pair): a run of content words (hyphenated words
  joined), not a name, heading a noun phrase, with two words or more that
  nothing in the pair explains, and more of them than any other run has; a
  tie goes to the run nearest the term's place in the Chinese, an exact tie
  to nobody.  A freely translated sentence leaves several such runs, and
  guessing among them would name a rendering the translator never chose,
  so such a pair is left unread.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa import lexicons as lx
from qa.english_verb_forms import irregular_verbs, is_past_participle
from qa.term_heads import FUNCTION_WORDS, same_word_in
from qa.term_words import Words

#: how many other words a loosely said rendering may hold between its own
#: ('pattern of regionally differentiated development' says 'pattern of development')
LOOSE_SLACK = 3
#: a slot with no gloss of the term needs this many unexplained words, more than any other phrase
MIN_FREE = 2
#: the longest slot read (a longer run is a clause, not a term's rendering)
MAX_SLOT_WORDS = 5


#: function words as the tokenizer's lemmas spell them ('will' → 'wil') as well as written
_FUNCTION = FUNCTION_WORDS | frozenset(lx.lemma(w) for w in FUNCTION_WORDS)


@dataclass(frozen=True)
class Slot:
    """One pair's phrase taken for the term's rendering."""

    first: int  # index of its first word in the pair's Words
    last: int  # index of its last word
    text: str
    key: tuple[str, ...]  # its lemmas


def content_stems(key: tuple[str, ...]) -> frozenset[str]:
    """The stems of a rendering's content words: its identity for a reader (inflection aside)."""
    return frozenset(lx.stem_key(w) for w in key if w not in _FUNCTION and w.isalpha())


def says_loosely(words: Words, stems: frozenset[str], slack: int = LOOSE_SLACK) -> bool:
    """Whether ``words`` say every stem of ``stems`` within one clause, at most ``slack`` words apart
    beyond their own number (reordered, or with modifiers or 'of' inserted)."""
    if not stems:
        return False
    lemmas, reach = words.lemmas, words.reach
    span = len(stems) + slack
    said = [stem if (stem := lx.stem_key(w)) in stems else "" for w in lemmas]
    for i, hit in enumerate(said):
        if not hit:
            continue
        seen = set()
        for j in range(i, min(i + span, max(reach[i], i + 1), len(lemmas))):
            if said[j]:
                seen.add(said[j])
                if len(seen) == len(stems):
                    return True
    return False


#: prepositions STOPWORDS lacks: they end a phrase ('one-third across', 'friendship between')
_PREPOSITIONS = frozenset("""across after against along amid among around before behind below beneath beside
besides between beyond despite during except inside near outside per since through throughout toward
towards until via within without""".split())


def _is_content(lemma: str) -> bool:
    return len(lemma) > 1 and lemma.isalpha() and lemma not in _FUNCTION and lemma not in _PREPOSITIONS


def _runs(words: Words) -> list[tuple[int, int]]:
    """Maximal runs of adjacent content words (nothing but spaces or a hyphen between them;
    a function word joined by a hyphen belongs to its compound: 'run-down', 'well-facilitated')."""
    text, lemmas, starts, ends = words.text, words.lemmas, words.starts, words.ends
    runs: list[tuple[int, int]] = []
    start = None
    for i, w in enumerate(lemmas):
        joined = i > 0 and text[ends[i - 1]:starts[i]] == "-"
        hyphen_next = i + 1 < len(lemmas) and text[ends[i]:starts[i + 1]] == "-"
        content = _is_content(w) or ((joined or hyphen_next) and w.isalpha())
        if content and start is not None and (text[ends[i - 1]:starts[i]].strip(" -") or i >= words.reach[start]):
            runs.append((start, i - 1))  # a number, a mark or a clause end between: a new run
            start = None
        if content and start is None:
            start = i
        elif not content and start is not None:
            runs.append((start, i - 1))
            start = None
    if start is not None:
        runs.append((start, len(lemmas) - 1))
    return runs


#: endings of English words that cannot end a term's rendering: adverbs, and adjectives
#: whose head noun is elsewhere ('greatly', 'empowering economic')
_NO_HEAD_ENDINGS = ("ly", "al", "ic", "ive", "ous", "ful", "less", "able")


def _heads_phrase(surface: list[str], sentence_start: bool) -> bool:
    """Whether a run of words (as written) can be a rendering: a noun phrase, not a name.

    A capitalised word inside a sentence belongs to a name ('Double Five',
    'Mancinelli attended'), which renders a name, not a term; a run ending in
    an adverb or an adjective ('greatly', 'economic'), or a lone -ing or -ed
    word, heads no noun phrase."""
    if any(w[:1].isupper() for w in surface[1 if sentence_start else 0:]):
        return False
    last = surface[-1].lower()
    if last.endswith(_NO_HEAD_ENDINGS):
        return False
    return not (len(surface) == 1 and last.endswith(("ing", "ed")))


def _past_form(word: str) -> bool:
    """A past form closing a run ('rose', 'completed'): the clause's verb, not the phrase's head."""
    low = word.lower()
    return low in irregular_verbs().base_of or is_past_participle(low)


def _unexplained_name(words: Words, other: frozenset[str]) -> bool:
    """Whether the English holds a capitalised word, not opening the sentence, that no other
    Chinese word of the pair explains: a name the term itself may render."""
    text, starts, ends = words.text, words.starts, words.ends
    return any(i and text[starts[i]:starts[i] + 1].isupper() and w.isalpha()
               and text[ends[i - 1]:starts[i]].strip() not in (".", ":", "“", '"')
               and not same_word_in(w, other)
               for i, w in enumerate(words.lemmas))


def slot(words: Words, glosses: frozenset[str], other: frozenset[str], place: float) -> Slot | None:
    """The phrase of ``words`` that renders the term by words no gloss of it reaches, or None.

    ``glosses``: lemmas of the term's CC-CEDICT glosses (of its pieces too);
    ``other``: lemmas the pair's other Chinese words explain; ``place``: where
    the term sits in its Chinese (0 start … 1 end), the tie-breaker.  A pair
    whose English says a gloss of the term anywhere is left to the gloss
    readings (its rendering may well be there, read or not).
    """
    lemmas = words.lemmas
    if _unexplained_name(words, other):
        return None  # the term may be a name (曼西内利 'Mancinelli'), and names are no slots
    best: tuple[tuple[int, float], Slot] | None = None
    tied = False
    free_counts: list[int] = []  # per run, its words nothing in the pair explains
    n = max(1, len(lemmas) - 1)
    for first, last in _runs(words):
        kinds = []
        for w in lemmas[first:last + 1]:
            if same_word_in(w, glosses):
                return None  # the term's own words are here (explained by another word or not)
            kinds.append("o" if same_word_in(w, other) else "f")
        while kinds and kinds[0] == "o":  # a neighbour's word at either end is the neighbour's
            kinds.pop(0)
            first += 1
        while kinds and kinds[-1] == "o":
            kinds.pop()
            last -= 1
        while kinds and words.text[words.starts[first]:words.ends[first]].endswith("ly"):
            kinds.pop(0)  # an adverb before the phrase ('greatly increased investment')
            first += 1
        if len(kinds) > 2 and words.text[words.starts[first]:words.ends[first]].endswith("ing"):
            kinds.pop(0)  # a verb governing the phrase ('serving non-local patients')
            first += 1
        while len(kinds) > 1 and _past_form(words.text[words.starts[last]:words.ends[last]]):
            kinds.pop()  # the verb after its subject ('out-of-province patients rose')
            last -= 1
        if not kinds or len(kinds) > MAX_SLOT_WORDS:
            continue
        if not _heads_phrase([words.text[words.starts[k]:words.ends[k]] for k in range(first, last + 1)], first == 0):
            continue
        free = kinds.count("f")
        free_counts.append(free)
        if free <= kinds.count("o"):
            continue
        distance = abs((first + last) / 2 / n - place)
        rank = (free, -round(distance, 2))
        found = Slot(first, last, words.text[words.starts[first]:words.ends[last]], tuple(lemmas[first:last + 1]))
        if best is None or rank > best[0]:
            best, tied = (rank, found), False
        elif rank == best[0]:
            tied = True
    if best is None or tied:
        return None
    # the phrase must stand out as what the other words leave over
    ranked = sorted(free_counts, reverse=True) + [0]
    if best[0][0] < ranked[0] or ranked[0] < MIN_FREE or ranked[0] <= ranked[1]:
        return None
    return best[1]
