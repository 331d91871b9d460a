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
from functools import lru_cache
from importlib import resources

from align.model import Pair
from qa.model import Check, Context, Flag
from qa.text import sentence_spans

# Lowercased acronyms are the capitalisation check's finding, not a typo.
from qa.checks.capitalisation import LOWERCASE_ACRONYMS

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|cn|org|net|gov|edu)\b\S*")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9&+.\-]*")

# British → American endings, tried on a word the lexicon does not know.
_BRITISH = [
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("yses", "yzes"),
    ("our", "or"), ("ours", "ors"), ("ourable", "orable"), ("oured", "ored"), ("ouring", "oring"),
    ("ourite", "orite"), ("ourites", "orites"),
    ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"), ("ence", "ense"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
    ("mme", "m"), ("mmes", "ms"), ("ement", "ment"), ("eing", "ing"), ("fil", "fill"), ("rol", "roll"),
]


@lru_cache(maxsize=1)
def _spellchecker():  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker  # lazy: loads a 160k-word list

    return SpellChecker(distance=1)


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Every accepted lowercase word: pyspellchecker's list plus the whitelist."""
    words = set(_spellchecker().word_frequency.dictionary)
    words.update(_data_words("spelling_whitelist.txt"))
    return frozenset(words)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    return frozenset(_data_words("pinyin_syllables.txt"))


def _data_words(name: str) -> list[str]:
    text = resources.files("qa").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def is_pinyin(word: str) -> bool:
    """True if ``word`` splits entirely into pinyin syllables (Xuhui, Zhongguancun)."""
    word = word.lower().replace("'", "").replace("’", "")
    syllables = pinyin_syllables()
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and word[start:end] in syllables
                      for start in range(max(0, end - 6), end))
    return ok[len(word)]


def is_known(word: str) -> bool:
    """Known word, allowing British spellings and possessive/contracted forms."""
    lower = word.lower().replace("’", "'")
    words = lexicon()
    if lower in words:
        return True
    if lower.endswith("'s"):
        return lower[:-2] in words
    if lower.endswith("s'"):
        return lower[:-1] in words
    for british, american in _BRITISH:
        if lower.endswith(british) and lower[: -len(british)] + american in words:
            return True
    return False


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Known words one edit away (two for short words), most frequent first,
    preferring ones that keep the first letter."""
    spell = _spellchecker()
    lower = word.lower()
    candidates = spell.known(spell.edit_distance_1(lower))
    if not candidates and len(lower) <= 6:
        candidates = spell.known(spell.edit_distance_2(lower))
    freq = spell.word_frequency.dictionary
    ranked = sorted(candidates, key=lambda c: (c[:1] != lower[:1], -freq.get(c, 0), c))
    out = ranked[:limit]
    if word[:1].isupper():
        out = [c[:1].upper() + c[1:] for c in out]
    return out


def _skippable(token: str, at_sentence_start: bool, source_latin: set[str]) -> bool:
    if len(token) < 2:
        return True
    if token.lower() in source_latin:
        return True
    core = re.sub(r"['’]s$", "", token)
    if core.isupper():
        return True  # acronym
    if any(c.isupper() for c in core[1:]):
        return True  # ChatGPT, iPhone, McKinsey
    if core.lower() in LOWERCASE_ACRONYMS:
        return True
    if core[:1].isupper():
        if not at_sentence_start:
            return True  # proper noun mid-sentence: too often a name to judge
        if is_pinyin(core):
            return True
    return False


def check_spelling(pair: Pair, ctx: Context) -> list[Flag]:
    en = pair.en
    if not en.strip():
        return []
    source_latin = {m.group().lower() for m in _LATIN_RE.finditer(pair.zh)}
    blocked = [m.span() for m in _URL_RE.finditer(en)]
    starts = {s for s, _ in sentence_spans(en)}
    flags = []
    for m in _TOKEN_RE.finditer(en):
        token, start = m.group(), m.start()
        if any(a <= start < b for a, b in blocked):
            continue
        sentence_start = start in starts or _after_opening(en, start, starts)
        if _skippable(token, sentence_start, source_latin) or is_known(token):
            continue
        options = suggestions(token)
        hint = f" Did you mean {', '.join(repr(o) for o in options)}?" if options else ""
        flags.append(Flag(
            check="spelling", category="Fluency/Spelling", severity="minor",
            message=f"Possible misspelling {token!r}.{hint}",
            pair_id=pair.id, zh=pair.zh, en=en, en_spans=(m.span(),),
            suggestion=options[0] if options else None,
        ))
    return flags


def _after_opening(en: str, start: int, starts: set[int]) -> bool:
    """A word right after an opening quote/bracket that starts a sentence."""
    i = start
    while i > 0 and en[i - 1] in "“\"‘'([":
        i -= 1
    return i != start and i in starts


CHECKS = [
    Check(id="spelling", category="Fluency/Spelling", severity="minor",
          description="Words not in the English lexicon (pinyin, acronyms, source Latin tokens, "
                      "proper nouns and British spellings accepted).",
          run=check_spelling),
]
