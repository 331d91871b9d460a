"""Which English words are known: the lexicon behind the spelling and capitalisation checks.

pyspellchecker's American word list plus qa/data/spelling_whitelist.txt,
with British spellings, possessives, regular inflections and common prefixes
accepted, and romanised Chinese (pinyin) recognised.  Its own module so that
both checks use it without importing each other.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from align.english import american_candidates

# Regular inflections of a known stem (suffix → what may replace it).
_INFLECTIONS = [
    ("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
    ("ing", ("", "e")), ("er", ("", "e")), ("ers", ("", "e")), ("ly", ("", "le")),
    # the adjective of a -logy or -graphy noun the list may lack ('metrological' beside 'metrology')
    ("ical", ("y",)), ("ically", ("y",)),
    # derived nouns the list may lack: -ment of a whole verb ('enablement'; never 'managment' from
    # 'manage', whose e a misspelling drops), -ization of a word or its -ize verb ('regionalization',
    # 'technologization' beside 'technology')
    ("ment", ("",)), ("ments", ("",)),
    ("ization", ("ize", "", "y")), ("izations", ("ize", "", "y")),
    ("isation", ("ise", "ize", "", "y")), ("isations", ("ise", "ize", "", "y")),
]
_PREFIXES = ("micro", "macro", "nano", "cyber", "bio", "eco", "multi", "inter", "intra", "trans",
             "re", "un", "non", "co", "sub", "super", "over", "under", "pre", "post", "semi",
             "mini", "mega", "tele", "anti", "cross", "self", "mis", "de", "dis", "hyper", "geo")


@lru_cache(maxsize=1)
def spellchecker():  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker  # lazy: loads a 160k-word list

    return SpellChecker(distance=1)


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Every accepted lowercase word: pyspellchecker's list plus the whitelist."""
    words = set(spellchecker().word_frequency.dictionary)
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


@lru_cache(maxsize=65536)  # a function of the word (the lexicon is fixed): a memory repeats its words
def is_known(word: str) -> bool:
    """Known word, allowing British spellings, possessives, regular
    inflections of known words (landfilled) and known prefixes
    (microplastics)."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif lower.endswith("s'"):
        lower = lower[:-1]
    return _known_form(lower) or any(
        lower.startswith(prefix) and len(lower) - len(prefix) >= 4 and _known_form(lower[len(prefix):])
        for prefix in _PREFIXES)


def _known_form(lower: str) -> bool:
    words = lexicon()
    if lower in words or _british_known(lower):
        return True
    for suffix, replacements in _INFLECTIONS:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stem = lower[: -len(suffix)]
            for extra in replacements:
                candidate = stem + extra
                if candidate in words or _british_known(candidate):
                    return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True  # planned, landfilled → plan, landfill
    return False


def _british_known(lower: str) -> bool:
    """A British spelling of a known American word ('defence', 'programme'): the endings are
    ``align.english.BRITISH_ENDINGS``, the one table the stem keys use too."""
    words = lexicon()
    return any(candidate in words for candidate in american_candidates(lower))
