"""Repetition in the English.

* ``repetition``: a word or phrase said twice in a row ("the the"), or a
  word coordinated with itself ("more efficient and efficient").
* ``repetition-truncated``: a sentence that is a cut-off copy of the next one
  (an abandoned first draft left in).  The copy may sit in the same pair, when
  the aligner merged both into one bead, or end the previous pair.
* ``repetition-duplicate``: the same English for different Chinese — one of
  the two translations belongs to another source segment.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from difflib import SequenceMatcher

from align.model import Pair
from align.segment import en_sentence_spans
from qa.model import Check, Context, Flag, Span
from qa.text import quote, words

# Words that legitimately coordinate with themselves or double up.
_SELF_COORDINATED = {
    "more", "less", "better", "worse", "again", "over", "through", "round", "on", "by", "side",
    "step", "one", "time", "years", "day", "days", "back", "forth", "up", "down", "out", "far",
}
_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "with", "by", "at", "is", "are"}
_DOUBLED_OK = {"that", "had", "is", "do", "bye", "very"}
_MAX_PHRASE = 6
_MIN_TRUNCATED_WORDS = 6
_MIN_DUPLICATE_WORDS = 4
_COORDINATED_RE = re.compile(r"\b([A-Za-z][A-Za-z-]{2,})\s+(and|or)\s+(\1)\b", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split()).lower()


def repeated_words(pair: Pair, ctx: Context) -> list[Flag]:
    en = pair.en
    tokens = words(en)
    lowered = [t.text.lower() for t in tokens]
    flags: list[Flag] = []
    covered = -1
    for i in range(len(tokens)):
        for n in range(_MAX_PHRASE, 0, -1):
            if i + 2 * n > len(tokens) or tokens[i].start <= covered:
                continue
            if lowered[i] != lowered[i + n] or lowered[i:i + n] != lowered[i + n:i + 2 * n]:
                continue
            if n == 1 and lowered[i] in _DOUBLED_OK:
                continue
            if tokens[i].text[:1].isupper() and tokens[i + n].text[:1].isupper() and lowered[i] not in _FUNCTION_WORDS:
                continue  # "Sir Run Run Shaw", "Bora Bora": names
            gaps = [en[tokens[k].end:tokens[k + 1].start] for k in range(i, i + 2 * n - 1)]
            if any(g.strip() for g in gaps):
                continue  # "data, data" or a sentence break: not a stutter
            first = (tokens[i].start, tokens[i + n - 1].end)
            second = (tokens[i + n].start, tokens[i + 2 * n - 1].end)
            flags.append(REPETITION.flag(
                pair, f"Repeated {'word' if n == 1 else 'phrase'}: {quote(en, (first[0], second[1]))}.",
                en_spans=((first[0], second[1]),), suggestion=en[first[0]:first[1]],
            ))
            covered = second[1]
            break
    for m in _COORDINATED_RE.finditer(en):
        word = m.group(1).lower()
        if word in _SELF_COORDINATED or word.endswith("er"):
            continue  # "more and more", "bigger and bigger"
        flags.append(REPETITION.flag(
            pair, f"Word coordinated with itself: {quote(en, m.span())}.",
            en_spans=(m.span(),), suggestion=m.group(1),
        ))
    return sorted(flags, key=lambda f: f.en_spans)


def _copies_start_of(piece: str, text: str) -> bool:
    """``piece`` repeats the beginning of ``text`` word for word — allowing
    one changed word in ten, since a left-over draft often differs by a
    word or two from the sentence that replaced it."""
    copy, full = _norm(piece).split(), _norm(text).split()
    if len(copy) < _MIN_TRUNCATED_WORDS or len(copy) > len(full):
        return False
    mismatches = sum(a != b for a, b in zip(copy, full))
    if mismatches == 0:
        return True
    # A near copy must look abandoned — no full stop of its own, and the
    # sentence after it goes on — so parallel sentences ("… in 2020." /
    # "… in 2021.") are not taken for drafts.
    return (mismatches <= len(copy) // 10 and copy[0] == full[0] and len(full) >= len(copy) + 3
            and not re.search(r"[.!?…][\"”’)]*\s*$", piece))


_ZH_PUNCT_RE = re.compile(r"[\s\W_]+")


def _source_repeats(zh_a: str, zh_b: str) -> bool:
    """Both Chinese sides say nearly the same thing, so the English may too."""
    a, b = _ZH_PUNCT_RE.sub("", zh_a), _ZH_PUNCT_RE.sub("", zh_b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ or SequenceMatcher(None, short, long_[:len(short) + 5]).ratio() >= 0.7


def _truncated_within(en: str, sentences: list[Span] | None = None) -> list[tuple[Span, Span]]:
    """(copy, full) spans where the text starting at ``copy`` is repeated, in
    full and longer, right after it.  Candidate starts are sentence starts
    and capitalised words, so a copy that lost its full stop is still found.
    ``sentences``: the English's sentence spans (keep_quotations=False), when the caller has them.

    A copy starts with the word its full sentence starts with (:func:`_copies_start_of`
    needs it), so each start's first word is read once and a later start with another
    first word is passed by without comparing the texts."""
    if sentences is None:
        sentences = en_sentence_spans(en, keep_quotations=False)
    starts = sorted({s for s, _ in sentences} |
                    {m.start() for m in re.finditer(r"(?<=\s)[A-Z“\"]", en)})
    first = {s: _first_word(en, s) for s in starts}
    found: list[tuple[Span, Span]] = []
    for a_index, a in enumerate(starts):
        for b in starts[a_index + 1:]:
            piece = en[a:b].rstrip(" \t\n,;.")
            n_words = len(piece.split())
            if n_words < _MIN_TRUNCATED_WORDS:
                continue
            # six words or more: the piece's first word is whole, the first word from ``a``
            if first[a] == first[b] and _copies_start_of(piece, en[b:]):
                following = next((s for s in sentences if s[0] <= b < s[1]), (b, len(en)))
                found.append(((a, a + len(piece)), (b, following[1])))
                break
            if n_words > 80:
                break
    return found


def _first_word(en: str, start: int) -> str:
    """The first word of ``_norm(en[start:])`` (whitespace as ``str.split`` sees it)."""
    i, n = start, len(en)
    while i < n and en[i].isspace():
        i += 1
    j = i
    while j < n and not en[j].isspace():
        j += 1
    return _norm(en[i:j])


def truncated_copies(ctx: Context) -> list[Flag]:
    pairs = list(ctx.pairs)
    flags: list[Flag] = []
    # each pair's sentences read once, for its own copies and for both its neighbours
    # (only the first and last sentence of each are kept for those)
    ends: list[tuple[Span, Span] | None] = []
    for pair in pairs:
        sentences = en_sentence_spans(pair.en, keep_quotations=False)
        ends.append((sentences[0], sentences[-1]) if sentences else None)
        for copy, full in _truncated_within(pair.en, sentences):
            flags.append(_truncated_flag(pair, copy, pair, full))
    for (left, right), left_ends, right_ends in zip(itertools.pairwise(pairs), ends, ends[1:]):
        if left_ends is None or right_ends is None:
            continue
        last, first = left_ends[1], right_ends[0]
        last_text = left.en[last[0]:last[1]].rstrip(" ,;.")
        first_text = right.en[first[0]:first[1]].rstrip(" ,;.")
        # the copies first, the sources (a sequence match) only for a pair that copies
        left_copies = _copies_start_of(last_text, first_text)
        if not left_copies and not _copies_start_of(first_text, last_text):
            continue
        if _source_repeats(left.zh, right.zh):
            continue  # a headline repeated in the lead: the Chinese repeats it too
        if left_copies:
            flags.append(_truncated_flag(left, (last[0], last[0] + len(last_text)), right, first))
        else:
            flags.append(_truncated_flag(right, (first[0], first[0] + len(first_text)), left, last))
    return flags


def _truncated_flag(pair: Pair, copy: Span, other: Pair, full: Span) -> Flag:
    same = _norm(pair.en[copy[0]:copy[1]]) == _norm(other.en[full[0]:full[1]].rstrip(" ,;."))
    where = "" if other is pair else " in the neighbouring segment"
    what = "is repeated" if same else "is a truncated copy of the sentence that follows"
    if other is not pair and other.id < pair.id:
        what = "is repeated" if same else "is a truncated copy of the sentence before it"
    return REPETITION_TRUNCATED.flag(
        pair, f"The sentence {quote(pair.en, copy)} {what}{where}; delete one of them.",
        en_spans=(copy,), pair_ids=sorted({pair.id, other.id}),
    )


def duplicate_segments(ctx: Context) -> list[Flag]:
    by_english: dict[str, list[Pair]] = defaultdict(list)
    for pair in ctx.pairs:
        if len(pair.en.split()) >= _MIN_DUPLICATE_WORDS:
            by_english[_norm(pair.en)].append(pair)
    flags = []
    for group in by_english.values():
        if len({_norm(p.zh) for p in group}) < 2:
            continue  # same source repeated: the same translation is right
        first = group[0]
        for pair in group[1:]:
            if _norm(pair.zh) == _norm(first.zh):
                continue
            start = len(pair.en) - len(pair.en.lstrip())
            flags.append(REPETITION_DUPLICATE.flag(
                pair, f"Same English as segment {first.id}, but the Chinese differs: one of the "
                      f"two translations probably belongs to another segment.",
                en_spans=((start, len(pair.en.rstrip())),), pair_ids=(first.id, pair.id),
            ))
    return flags


REPETITION = Check(id="repetition", category="Fluency/Repetition", severity="minor",
                   description="Word or phrase repeated back to back, or coordinated with itself.",
                   run=repeated_words)
REPETITION_TRUNCATED = Check(id="repetition-truncated", category="Fluency/Repetition", severity="major",
                             description="Sentence that is a cut-off copy of its neighbour.",
                             run=truncated_copies, scope="document")
REPETITION_DUPLICATE = Check(id="repetition-duplicate", category="Fluency/Repetition", severity="major",
                             description="Same English for different Chinese segments.",
                             run=duplicate_segments, scope="document")

CHECKS = [REPETITION, REPETITION_TRUNCATED, REPETITION_DUPLICATE]
