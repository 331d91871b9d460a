"""CC-CEDICT as a bag-of-stems bridge between Chinese words and English words.

Sentence embeddings from a small multilingual model blur content words; a
dictionary gloss match ("数据" → data, "芯片" → chip) is an independent piece of
evidence that two sentences say the same thing.  Both sides are reduced to
crude English stems (the first five letters, :func:`align.english.prefix_stem`),
which is forgiving of inflection ("integrate", "integration") at the price of a
few collisions; the English side is :func:`align.english.content_stems`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from align.cedict import CedictLine, Loaded, load_derived
from align.english import ALIGN_STOPWORDS, LETTERS, prefix_stem
from align.zh_words import zh_words

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")

def _gloss_stems(definitions: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for d in definitions:
        if d.startswith(
            ("CL:", "see ", "variant of", "old variant", "surname ", "used in ")
        ):
            continue
        for w in LETTERS.findall(_PAREN.sub(" ", d)):
            if len(w) > 1 and w.lower() not in ALIGN_STOPWORDS:
                out.add(prefix_stem(w))
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
        depends=("align.english",),  # the stopwords and the stem the glosses are cut with
    )


@lru_cache(maxsize=1)
def cedict_stems() -> StemTable:
    """Simplified-Chinese headword → English gloss stems (loaded once per process)."""
    return load_cedict_stems().value


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
