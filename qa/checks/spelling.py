"""Offline spell check of the English side.

The lexicon is pyspellchecker's English word list plus qa/data/spelling_whitelist.txt.
What a plain spell checker gets wrong in Chinese→English work is whitelisted:
romanised names (any token that splits into pinyin syllables), acronyms and
mixed-case brand names, Latin tokens copied from the Chinese source, proper
nouns capitalised mid-sentence, and British spellings (the word list is
American; -ise/-isation/-our/-re/-ogue/-ll- forms are mapped before lookup).
Hyphenated compounds are checked part by part.  Everything loads once per
process, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from align.model import Pair
from align.segment import en_sentence_spans

# Lowercased acronyms are the capitalisation check's finding, not a typo.
from qa.checks.capitalisation import LOWERCASE_ACRONYMS
from qa.english_lexicon import is_known, is_pinyin, spellchecker
from qa.model import Check, Context, Flag
from qa.text import url_spans

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9&+.\-]*")

# Units and symbols written next to numbers ("5 mm", "100 nm").
_UNITS = frozenset({
    "mm", "cm", "km", "nm", "um", "kg", "mg", "ml", "kwh", "mwh", "gwh", "twh", "kw", "mw", "gw",
    "tw", "kv", "mu", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "mbps", "gbps", "sq", "ft",
    "lb", "lbs", "oz", "mph", "kph", "am", "pm", "bn", "mln", "yr", "yrs", "pct",
})


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Known words one edit away (two for short words), most frequent first,
    preferring ones that keep the first letter."""
    return list(_suggestions(word, limit))


#: a memory repeats its unknown words (a name in every system's output, every revision): each
#: distinct word's edit-distance search (tens of thousands of candidates for a short word) runs once
@lru_cache(maxsize=16384)
def _suggestions(word: str, limit: int) -> tuple[str, ...]:
    spell = spellchecker()
    lower = word.lower()
    candidates = _known(spell, spell.edit_distance_1(lower))
    if not candidates and len(lower) <= 6:
        candidates = _known_two_edits(spell, lower)
    freq = spell.word_frequency.dictionary
    ranked = sorted(candidates, key=lambda c: (c[:1] != lower[:1], -freq.get(c, 0), c))
    out = ranked[:limit]
    if word[:1].isupper():
        out = [c[:1].upper() + c[1:] for c in out]
    return tuple(out)


def _known(spell, words: Iterable[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """``spell.known(words)``, the edits looked up in the word list before the library's per-word
    checks: it runs those on every edit (a hundred thousand for a short word's two edits)."""
    listed = spell.word_frequency.dictionary
    return spell.known(set(map(str.lower, set(words))) & listed.keys())


def _known_two_edits(spell, lower: str) -> set[str]:  # type: ignore[no-untyped-def]
    """``_known(spell, spell.edit_distance_2(lower))``, each one-edit word's edits looked up as
    they are made rather than all gathered first (a list of a hundred thousand strings)."""
    listed = spell.word_frequency.dictionary.keys()
    found: set[str] = set()
    for once in spell.edit_distance_1(lower):
        found |= listed & set(map(str.lower, spell.edit_distance_1(once)))
    return spell.known(found)


_COMMON = 2000  # corpus frequency above which both halves of a run-together pair must be


def run_together(token: str) -> str | None:
    """"priceintermediate" → "price intermediate": two common words with the
    space lost.  Both halves must be frequent, so a typo that merely contains
    a rare dictionary word (metacom + verse) is not split."""
    lower = token.lower()
    if len(lower) < 6 or not token.islower():
        return None  # capitalised: Rashid, Everbright are names, not "Rash id"
    freq = spellchecker().word_frequency.dictionary
    best: tuple[int, int] | None = None
    for i in range(2, len(lower) - 1):
        left, right = lower[:i], lower[i:]
        score = min(freq.get(left, 0), freq.get(right, 0))
        if len(left) >= 2 and len(right) >= 2 and score >= _COMMON and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    return token[:best[1]] + " " + token[best[1]:]


def _skippable(token: str, at_sentence_start: bool, source_latin: set[str]) -> bool:
    return token.lower() in source_latin or _skippable_word(token, at_sentence_start)


@lru_cache(maxsize=65536)  # a function of the word and its place: a memory repeats its words
def _skippable_word(token: str, at_sentence_start: bool) -> bool:
    """:func:`_skippable` but for the source's Latin tokens."""
    if len(token) < 2 or token.lower() in _UNITS:
        return True
    core = re.sub(r"['’]s$", "", token)
    if core.isupper():
        return True  # acronym
    if any(c.isupper() for c in core[1:]):
        return True  # ChatGPT, iPhone, McKinsey
    if core.lower() in LOWERCASE_ACRONYMS:
        return True
    if core[:1].isupper():
        if not at_sentence_start or "'" in core or "’" in core:
            return True  # proper noun mid-sentence (or Nuku'alofa): too often a name to judge
        if is_pinyin(core):
            return True
    return False


def check_spelling(ctx: Context) -> list[Flag]:
    """Document scope because a capitalised word that starts a sentence is
    judged by the rest of the document: seen capitalised mid-sentence
    elsewhere, it is a name."""
    starts: list[frozenset[int]] = []  # each pair's sentence starts, read once for both passes
    names = document_names(ctx.pairs, starts)
    return [flag for pair, at in zip(ctx.pairs, starts) for flag in spelling_flags(pair, names, at)]


def _sentence_starts(en: str) -> frozenset[int]:
    return frozenset(s for s, _ in en_sentence_spans(en, keep_quotations=False))


def document_names(pairs: Sequence[Pair], starts_out: list[frozenset[int]] | None = None) -> frozenset[str]:
    """Capitalised words that occur mid-sentence somewhere in the document.

    ``starts_out``, when given, receives each pair's sentence starts (for :func:`spelling_flags`)."""
    names = set()
    for pair in pairs:
        starts = _sentence_starts(pair.en)
        if starts_out is not None:
            starts_out.append(starts)
        for m in _TOKEN_RE.finditer(pair.en):
            if m.group()[:1].isupper() and m.start() not in starts:
                names.add(re.sub(r"['’]s$", "", m.group()))
    return frozenset(names)


def spelling_flags(pair: Pair, names: frozenset[str] = frozenset(),
                   starts: frozenset[int] | None = None) -> list[Flag]:
    """Spelling flags for one pair; ``names`` are words known to be names; ``starts``: its
    English's sentence starts, when the caller has them."""
    en = pair.en
    if not en.strip():
        return []
    source_latin = {m.group().lower() for m in _LATIN_RE.finditer(pair.zh)}
    blocked = url_spans(en)
    starts = _sentence_starts(en) if starts is None else starts
    flags = []
    for m in _TOKEN_RE.finditer(en):
        token, start = m.group(), m.start()
        if (blocked and any(a <= start < b for a, b in blocked)) or _glued_to_digit(en, m.start(), m.end()):
            continue  # URLs, "5G", "100nm", "30mm"
        sentence_start = start in starts or _after_opening(en, start, starts)
        if _skippable(token, sentence_start, source_latin) or is_known(token):
            continue
        if _compound_part_ok(en, m.start(), m.end(), token):
            continue
        half = len(token) // 2
        if len(token) % 2 == 0 and token[:half].lower() == token[half:].lower() and is_known(token[:half]):
            flags.append(SPELLING.flag(
                pair, f"Word written twice without a space: {token!r}.",
                en_spans=(m.span(),), suggestion=token[:half],
            ))
            continue
        split = run_together(token)
        if split:
            flags.append(SPELLING.flag(
                pair, f"Words run together: {token!r} should be {split!r}.",
                en_spans=(m.span(),), suggestion=split,
            ))
            continue
        capital = token[:1].isupper()
        if capital and (re.sub(r"['’]s$", "", token) in names or _NAME_CONTEXT_RE.match(en, m.end())):
            continue  # Guterres, Sitharaman said …: a name, not a typo (no suggestions needed)
        options = suggestions(token)
        if capital and not options:
            continue  # a capitalised word near no known word: a name
        hint = f" Did you mean {', '.join(repr(o) for o in options)}?" if options else ""
        flags.append(SPELLING.flag(
            pair, f"Possible misspelling {token!r}.{hint}",
            en_spans=(m.span(),), suggestion=options[0] if options else None,
        ))
    return flags


# After a sentence-initial name: an appositive comma or a reporting verb.
_NAME_CONTEXT_RE = re.compile(
    r"(?:['’]s)?(?:,|\s+(?:said|says|told|noted|added|stated|believes|believed|indicated|pointed|"
    r"stressed|explained|urged|announced|was|is|has|had|and\s+[A-Z])|\s+[A-Z][a-z]+)")


# Combining forms that only occur before a hyphen: "multi-party", "socio-economic".
_HYPHEN_PREFIXES = frozenset({
    "multi", "socio", "inter", "intra", "pan", "quasi", "pseudo", "neo", "post", "pre", "ex", "mid",
    "non", "semi", "anti", "co", "counter", "extra", "ultra", "infra", "macro", "micro", "geo",
    "agro", "bio", "eco", "electro", "hydro", "petro", "sino", "euro", "afro", "indo", "trans",
})


def _compound_part_ok(en: str, start: int, end: int, token: str) -> bool:
    """Parts of hyphenated compounds that are fine on their own terms: a
    combining form before the hyphen, or the lowercase second syllable of a
    hyphenated name (Law Chi-kwong, Carrie Lam Cheng Yuet-ngor)."""
    if en[end:end + 1] == "-" and token.lower() in _HYPHEN_PREFIXES:
        return True
    if en[start - 1:start] == "-" and token.islower():
        head = re.search(r"([A-Za-z]+)-$", en[:start])
        if head and head.group(1)[:1].isupper() and (
                is_pinyin(token) or is_pinyin(head.group(1)) or not is_known(head.group(1))):
            return True
    return False


def _glued_to_digit(en: str, start: int, end: int) -> bool:
    return en[start - 1:start].isdigit() or en[end:end + 1].isdigit()


def _after_opening(en: str, start: int, starts: set[int]) -> bool:
    """A word right after an opening quote/bracket that starts a sentence."""
    i = start
    while i > 0 and en[i - 1] in "“\"‘'([":
        i -= 1
    return i != start and i in starts


SPELLING = Check(id="spelling", category="Fluency/Spelling", severity="minor",
                 description="Words not in the English lexicon (pinyin, acronyms, source Latin tokens, "
                             "proper nouns and British spellings accepted).",
                 run=check_spelling, scope="document")

CHECKS = [SPELLING]
