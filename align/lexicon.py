"""CC-CEDICT as a bag-of-stems bridge between Chinese words and English words.

Sentence embeddings from a small multilingual model blur content words; a
dictionary gloss match ("数据" → data, "芯片" → chip) is an independent piece of
evidence that two sentences say the same thing.  Both sides are reduced to
crude English stems (the first five letters), which is forgiving of
inflection ("integrate", "integration") at the price of a few collisions.
"""

from __future__ import annotations

import logging
import marshal
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from align.cedict import CedictLine, Loaded, lexicon_cache_dir, load_derived

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


#: glosses beyond this many stems belong to function words ("的", "了")
_MAX_STEMS = 16


class StemTable(Mapping[str, frozenset[str]]):
    """Simplified headword → gloss stems, each set built on its first lookup.

    A document looks up a few thousand of CEDICT's 112k headwords; building
    every frozenset up front cost about 0.2 s of each process's start-up,
    whereas the stems as one space-joined string per headword load from the
    cache in a quarter of that.  Stems are ASCII letters, never spaces.
    """

    __slots__ = ("_joined", "_sets")

    def __init__(self, joined: dict[str, str]) -> None:
        self._joined = joined
        self._sets: dict[str, frozenset[str]] = {}

    def get(self, word: str, default=None):  # the aligner's hot path: no KeyError
        found = self._sets.get(word)
        if found is None:
            joined = self._joined.get(word)
            if joined is None:
                return default
            found = self._sets[word] = frozenset(joined.split(" "))
        return found

    def __getitem__(self, word: str) -> frozenset[str]:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._joined

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined)

    def __len__(self) -> int:
        return len(self._joined)


def build_cedict_stems(lines: Iterable[CedictLine]) -> StemTable:
    """The stems table from parsed CEDICT lines (every gloss of every reading of a headword)."""
    defs: dict[str, list[str]] = {}
    for line in lines:
        defs.setdefault(line.simp, []).extend(line.glosses)
    joined = {}
    for word, ds in defs.items():
        stems = _gloss_stems(ds)
        if stems and len(stems) <= _MAX_STEMS:
            joined[word] = " ".join(sorted(stems))
    return StemTable(joined)


def _encode_stems(table: StemTable) -> tuple[str, str]:
    """Two newline-joined strings (headwords, stems): marshal loads them in ~50 ms."""
    joined = table._joined
    return "\n".join(joined), "\n".join(joined.values())


def _decode_stems(payload) -> StemTable:
    words, stems = payload
    words, stems = words.split("\n"), stems.split("\n")
    if len(words) != len(stems):
        raise ValueError("stems cache: headword and stem counts differ")
    return StemTable(dict(zip(words, stems)))


def load_cedict_stems(
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
    source: Path | None = None,
) -> Loaded[StemTable]:
    """The stems table, from the lexicon cache when it is current (see align.cedict).

    ``source`` is a CEDICT-format file other than the shipped one.
    """
    return load_derived(
        "stems",
        build_cedict_stems,
        encode=_encode_stems,
        decode=_decode_stems,
        source=source,
        cache_dir=cache_dir,
        use_cache=use_cache,
    )


@lru_cache(maxsize=1)
def cedict_stems() -> StemTable:
    """Simplified-Chinese headword → English gloss stems (loaded once per process)."""
    return load_cedict_stems().value


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    prepare_jieba(jieba.dt, getattr(jieba, "__version__", "unknown"))
    jieba.initialize()  # a no-op when prepare_jieba loaded the prefix dict
    return jieba


def prepare_jieba(dt, version: str) -> None:
    """Keep jieba's prefix-dict cache in the zhen lexicon folder, and load it fast.

    jieba caches its prefix dictionary itself, but in the shared temporary
    folder, where any local user can plant or delete it and the OS may clean
    it; our folder is the user's own and persists.  jieba reads that cache
    with ``marshal.load(file)``, which reads the 9 MB file a few bytes at a
    time (~1 s); reading it whole and ``marshal.loads`` gives the same table
    in ~0.3 s, so we do that and hand jieba the table (the attributes
    ``initialize`` would set).  A missing or unreadable file is left to
    jieba, which builds the table and writes it, atomically, where we told
    it to.  jieba never checks its default dictionary's cache against the
    dictionary, so the file name carries jieba's version.  ``dt`` is a
    ``jieba.Tokenizer`` (``jieba.dt`` is the one ``jieba.lcut`` uses).
    """
    # dictionary None is jieba's default one, the only one we cache
    if dt.initialized or dt.cache_file or dt.tmp_dir or dt.dictionary is not None:
        return  # someone configured or initialised jieba already
    folder = lexicon_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # jieba keeps its default cache
    name = f"jieba-{version}.cache"
    dt.tmp_dir, dt.cache_file = str(folder), name
    try:
        freq, total = marshal.loads((folder / name).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return  # jieba.initialize() builds (or rebuilds) it
    if isinstance(freq, dict) and freq and isinstance(total, int) and total > 0:
        with dt.lock:
            if not dt.initialized:
                dt.FREQ, dt.total, dt.initialized = freq, total, True


_CJK = re.compile(r"[\u3400-\u9fff]")


def zh_words(text: str) -> list[str]:
    """jieba words of ``text`` that contain a Chinese character.

    The words of ``jieba.lcut(text, HMM=False)``: jieba's HMM for unknown
    words is off because it halves the time, and unknown words fall back to
    their characters in zh_gloss_stems anyway.  jieba's own blocks are kept
    (``re_han_default``), but each block is segmented by ``_best_route``,
    which takes 40% less time than jieba's DAG-then-route for the same words.
    Outside those blocks jieba yields single characters (and whitespace).
    """
    jieba = _jieba()
    freq, log_total = jieba.dt.FREQ, math.log(jieba.dt.total)
    han = jieba.re_han_default
    out: list[str] = []
    for block in han.split(text):
        if not block:
            continue
        if han.match(block):
            words = _best_route(block, freq, log_total)
            out.extend(w for w in words if _CJK.search(w))
        else:
            out.extend(c for c in block if _CJK.match(c))
    return out


def _best_route(block: str, freq: dict[str, int], log_total: float) -> list[str]:
    """jieba's maximum-probability segmentation of one block, without the HMM.

    Same arithmetic and tie-breaking as jieba's ``get_DAG`` + ``calc`` (the
    longer word wins a tie), fused into one backward pass: the words
    starting at a position are walked through jieba's prefix dictionary
    (``freq`` holds every prefix of a word, with count 0 when it is not a
    word itself) and scored as they are found.
    """
    n = len(block)
    score = [0.0] * (n + 1)
    end = [0] * n  # last character of the best word starting here
    log, get = math.log, freq.get
    for k in range(n - 1, -1, -1):
        best, best_end = -math.inf, -1
        i, f = k, get(block[k])
        while f is not None:
            if f:
                s = log(f) - log_total + score[i + 1]
                if s >= best:
                    best, best_end = s, i
            i += 1
            if i == n:
                break
            f = get(block[k : i + 1])
        if best_end < 0:  # no dictionary word starts here: the single character
            best, best_end = log(get(block[k]) or 1) - log_total + score[k + 1], k
        score[k], end[k] = best, best_end
    words = []
    k = 0
    while k < n:
        words.append(block[k : end[k] + 1])
        k = end[k] + 1
    return words


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
