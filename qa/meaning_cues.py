"""Cue tables of the meaning checks and the code that finds cues in text.

Why one module: polarity, direction, modality and time-expression all read a
sourced TSV from ``qa/data/`` (see each file's header), find Chinese cues in
a clause and English cues in the clause's rendering.  The tables are parsed
once per process; nothing is read at import time.

English cues are matched on word lemmas (``qa.lexicons.lemma``), so "fell",
"rising" and "increases" meet the table's "fell", "rise" and "increase";
phrases are lemma sequences.  Chinese cues are either jieba words
(negators, modals: 不 is a cue, 不断 is its own word and not one) or
substrings taken longest first (directions, time words: 前三季度 before 三季度).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from align.errors import InputError
from align.zh_words import word_spans
from qa import lexicons as lx
from qa.clause_match import ClauseLink, PairLinks
from qa.clause_split import Clause
from qa.data_table import data_lines

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CueRow:
    """One row of a cue table: the cue, its language and its labels."""

    lang: str
    cue: str
    kind: str
    extra: tuple[str, ...] = ()


def read_table(name: str, columns: int, lines: Iterable[str] | None = None) -> list[tuple[str, ...]]:
    """The rows of ``qa/data/<name>`` (comment lines skipped), each with ``columns`` fields."""
    rows = []
    for n, line in data_lines(DATA_DIR / name, "cue", lines):
        cols = line.split("\t")
        if len(cols) < columns:
            raise InputError(f"cue table {name} line {n}: expected {columns} tab-separated "
                             f"fields, got {line[:50]!r}")
        rows.append(tuple(c.strip() for c in cols))
    return rows


@cache
def cue_rows(name: str) -> tuple[CueRow, ...]:
    """A lang/cue/kind[/more] table (negators, directions, modals) as CueRows."""
    return tuple(CueRow(r[0], r[1], r[2], tuple(r[3:])) for r in read_table(name, 3))


# --------------------------------------------------------------------------- English


@dataclass(frozen=True)
class EnHit:
    """An English cue found in a text: its label, strength and character span."""

    label: str
    strength: str
    start: int
    end: int
    text: str


#: tokens that end in a contracted "not"
_NT = re.compile(r"n['’]t$", re.IGNORECASE)
#: function words are matched as written, never through the stemmer ("noted" is not "not",
#: "cans" not "can")
EXACT = frozenset("""not no nor none never nothing nobody nowhere neither cannot without may might
can could must shall will should would up down more less over under all or only just yet few
little zero non top bar""".split())


class EnglishCues:
    """English words and phrases of one table, matched on lemma sequences."""

    def __init__(self, rows: Sequence[CueRow]) -> None:
        self.phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        for r in rows:
            if r.lang != "en":
                continue
            key = tuple(_word_key(w, lx.lemma(w)) for w in r.cue.split())
            self.phrases[key] = (r.kind, r.extra[0] if r.extra else "")
        self.longest = max((len(k) for k in self.phrases), default=1)
        #: the phrase lengths the table has, longest first (1 always: "n't" is read there)
        self.lengths = tuple(sorted({len(k) for k in self.phrases} | {1}, reverse=True))
        #: the words a phrase starts with: at any other word only a contracted "not" can match
        self.firsts = frozenset(k[0] for k in self.phrases)

    def find(self, text: str, offset: int = 0) -> list[EnHit]:
        """Cues in ``text``, longest phrase first at each word; spans shifted by ``offset``."""
        toks = lx.tokenize_en(text)
        keys = _keys(text)
        out: list[EnHit] = []
        i = 0
        while i < len(toks):
            if keys[i] not in self.firsts and not _contracted_not(toks[i].text):
                i += 1  # no phrase starts here (most words): the lengths are not tried
                continue
            for n in self.lengths:
                if n > len(toks) - i:
                    continue
                found = self.phrases.get(keys[i:i + n])
                if found is None and n == 1 and _NT.search(toks[i].text):
                    found = self.phrases.get(("n't",))
                if found is not None and toks[i].text != "May":  # the month
                    s, e = toks[i].start, toks[i + n - 1].end
                    out.append(EnHit(found[0], found[1], s + offset, e + offset, text[s:e]))
                    i += n
                    break
            else:
                i += 1
        return out


def _contracted_not(word: str) -> bool:
    """The word ends in a contracted "not" ("don't"); the last letter asked first."""
    return word[-1:] in ("t", "T") and bool(_NT.search(word))


@lru_cache(maxsize=4096)  # pure: the four meaning checks read the same English again
def _keys(text: str) -> tuple[str, ...]:
    """The table key of every word of ``text`` (see :func:`_key`)."""
    return tuple(_key(t) for t in lx.tokenize_en(text))


def _key(token: lx.Token) -> str:
    return _word_key(token.text.lower(), token.lemma)


def _word_key(low: str, lemma: str) -> str:
    """The key of a word of the text or of a table row, one rule for both: an exact-form word
    as written, another word by its lemma, unless that lemma is an exact-form word ("barred"
    is not "bar"): then the word as written, marked, so that a row "barred" meets the text's
    "barred" (the rows had their own rule, and "barred" there met nothing)."""
    if low in EXACT:
        return low
    return lemma if lemma not in EXACT else "=" + low


def negated_before(text: str, start: int, window: int = 3) -> bool:
    """A "not", "n't", "no" or "never" among the ``window`` words before ``start``."""
    before = lx.tokenize_en(text[:start])[-window:]
    return any(t.lemma in {"not", "no", "never", "cannot"} or _NT.search(t.text) for t in before)


# --------------------------------------------------------------------------- Chinese

#: aspect particles (了 perfective, 着 durative, 过 experiential): they close the verb before them
#: (降低了成本: 成本 is what 降低 governs; 支付了不到三百万元: 不到 'less than' starts a phrase)
ASPECT_PARTICLES = frozenset("了着过")


@dataclass(frozen=True)
class ZhHit:
    """A Chinese cue in a text: the table row and its character span."""

    row: CueRow
    start: int
    end: int


def zh_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba words of ``text`` (with the HMM) and their spans (:func:`align.zh_words.word_spans`)."""
    return word_spans(text, hmm=True)


class _PerTable:
    """A function of a cue table, computed once per table object.

    Why not ``functools.cache``: its key hashes the table, and hashing a tuple of
    hundreds of frozen dataclass rows on every call cost more than the lookup it
    guards (the tables come from cached readers, so one object stands for one
    table).  Keyed by identity, holding the table so its id is never reused;
    bounded, since a caller may build tables on the fly.
    """

    def __init__(self, fn, limit: int = 64) -> None:
        self.fn = fn
        self.limit = limit
        self.done: dict[int, tuple[object, object]] = {}

    def __call__(self, rows):
        hit = self.done.get(id(rows))
        if hit is not None and hit[0] is rows:
            return hit[1]
        if len(self.done) >= self.limit:
            self.done.clear()
        value = self.fn(rows)
        self.done[id(rows)] = (rows, value)
        return value


@_PerTable
def _zh_table(rows: tuple[CueRow, ...]) -> dict[str, CueRow]:
    return {r.cue: r for r in rows if r.lang == "zh"}


def zh_word_cues(text: str, rows: tuple[CueRow, ...], span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Table rows that are whole jieba words of ``text`` (inside ``span`` if given)."""
    table = _zh_table(rows)
    lo, hi = span or (0, len(text))
    return [ZhHit(table[w], s, e) for w, s, e in zh_words(text)
            if w in table and lo <= s and e <= hi]


#: the fewest characters of a jieba word read for glued cues: a two-character word is a word
_GLUED_MIN = 3


def zh_glued_cues(text: str, rows: tuple[CueRow, ...], span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Table rows jieba glued into a longer word with the word they govern (难以获得 = 难以 +
    获得, 可免于 = 可 + 免于, 拒不执行 = 拒 + 不 + 执行): in a jieba word of three characters or
    more that neither the table nor CC-CEDICT lists (难以实现 "hard to accomplish" is a word of
    its own), a row of two characters or more that is one CC-CEDICT part of the word, or a run
    of its parts (拒不), as CC-CEDICT segments it.  Why: the word-cue reader
    (:func:`zh_word_cues`) sees only whole words, and jieba's dictionary joins a modal or a
    negative to its verb in many set phrases, so the cue was never read."""
    lo, hi = span or (0, len(text))
    return [h for h in _glued_reader(rows)(text) if lo <= h.start and h.end <= hi]


@lru_cache(maxsize=16384)  # every table's reader segments the same long words
def _glued_parts(word: str) -> tuple[int, ...] | None:
    """The offsets where CC-CEDICT's parts of ``word`` begin and end (0 … len), or None for a word
    CC-CEDICT lists whole."""
    if word in lx.cedict():
        return None
    at = [0]
    for part in lx.cedict().segment(word):
        at.append(at[-1] + len(part))
    return tuple(at)


@_PerTable
def _glued_reader(rows: tuple[CueRow, ...]):
    """The glued-cue reader of one table, cached per text (the table is not hashed per call)."""
    table = _zh_table(rows)

    @lru_cache(maxsize=8192)
    def read(text: str) -> tuple[ZhHit, ...]:
        out: list[ZhHit] = []
        for w, s, _e in zh_words(text):
            at = _glued_parts(w) if len(w) >= _GLUED_MIN and w not in table else None
            if at is None:
                continue
            i = 0
            while i < len(at) - 1:
                j = next((j for j in range(len(at) - 1, i, -1)  # the longest run of parts first
                          if at[j] - at[i] > 1 and at[j] - at[i] < len(w) and w[at[i]:at[j]] in table), None)
                if j is None:
                    i += 1
                    continue
                out.append(ZhHit(table[w[at[i]:at[j]]], s + at[i], s + at[j]))
                i = j
        return tuple(out)

    return read


@dataclass(frozen=True, eq=False)
class _SubstringIndex:
    """A table's Chinese cues by text, each with its rank in longest-first order.

    A cue listed twice keeps its first rank: the later row could only find the
    places the first one already took.
    """

    rank: dict[str, tuple[int, CueRow]]
    lengths: tuple[int, ...]

    def occurrences(self, text: str) -> tuple[tuple[int, int, int, CueRow], ...]:
        """(rank, start, end, row) of every cue in ``text``, as ``re.finditer`` reads each cue.

        Sorted by rank, then start; each cue's own occurrences never overlap (a
        later one that overlaps an earlier one is no match), whatever span or
        other cue later rejects the earlier one.
        """
        found: list[tuple[int, int, int, CueRow]] = []
        n = len(text)
        for i in range(n):
            for length in self.lengths:
                if i + length > n:
                    break
                got = self.rank.get(text[i:i + length])
                if got is not None:
                    found.append((got[0], i, i + length, got[1]))
        found.sort(key=lambda o: (o[0], o[1]))
        out: list[tuple[int, int, int, CueRow]] = []
        last_rank, last_end = -1, 0
        for o in found:
            if o[0] == last_rank and o[1] < last_end:
                continue
            out.append(o)
            last_rank, last_end = o[0], o[2]
        return tuple(out)


@_PerTable
def _substring_index(rows: tuple[CueRow, ...]) -> _SubstringIndex:
    ordered = sorted((r for r in rows if r.lang == "zh"), key=lambda r: -len(r.cue))
    rank: dict[str, tuple[int, CueRow]] = {}
    for k, r in enumerate(ordered):
        if r.cue:
            rank.setdefault(r.cue, (k, r))
    return _SubstringIndex(rank, tuple(sorted({len(c) for c in rank})))


@lru_cache(maxsize=8192)
def _occurrences(text: str, index: _SubstringIndex) -> tuple[tuple[int, int, int, CueRow], ...]:
    return index.occurrences(text)


def zh_substring_cues(text: str, rows: tuple[CueRow, ...], span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Table rows found as substrings of ``text``, longest first, never overlapping."""
    lo, hi = span or (0, len(text))
    taken = [False] * len(text)
    out = []
    for _, s, e, row in _occurrences(text, _substring_index(rows)):
        if s < lo or e > hi or any(taken[s:e]):
            continue
        for k in range(s, e):
            taken[k] = True
        out.append(ZhHit(row, s, e))
    return sorted(out, key=lambda h: h.start)


def next_word(zh: str, end: int) -> str:
    """The jieba word that starts at ``end`` in ``zh`` (segmenting a short window after it)."""
    following = zh_words(zh[end:end + 6])
    return following[0][0] if following else ""


def cedict_join(zh: str, hit: ZhHit) -> str | None:
    """The cue and its next word when CC-CEDICT lists the two as one word (不+平衡, 可+持续).

    jieba splits some words a dictionary keeps whole; read together they
    are a different word (可持续 "sustainable" is no permission).
    """
    nxt = next_word(zh, hit.end)
    word = hit.row.cue + nxt
    return word if nxt and word in lx.cedict() else None


# --------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class Scope:
    """The English a check reads for one Chinese clause.

    ``sentence`` is True when it is the whole English of the pair: either the
    pair is one clause on a side, or the check asked for sentence-level
    evidence.  ``zh`` is the Chinese that English answers for (the clause, or
    the whole Chinese at sentence level), so a check can see whether the
    Chinese itself holds the opposite cue.
    """

    en_start: int
    en_end: int
    zh_start: int
    zh_end: int
    sentence: bool


def scopes(pc: PairLinks, clause: Clause, by_elimination: bool = False) -> list[Scope]:
    """Sentence-level scope first, then the clause's own window when it is confidently matched.

    ``by_elimination``: a clause matched without confidence still gets its window when every
    other Chinese clause of the pair is confidently matched and the English clauses they leave
    are exactly its best window (:func:`eliminated`).
    """
    pair = pc.pair
    whole = Scope(0, len(pair.en), 0, len(pair.zh), True)
    link = pc.link_at(clause.start)
    if pc.whole or link is None or not (link.confident or (by_elimination and eliminated(pc, link))):
        return [whole]
    s, e = link.en_span
    return [whole, Scope(s, e, clause.start, clause.end, False)]


def eliminated(pc: PairLinks, link: ClauseLink) -> bool:
    """Whether an unsure link is confirmed by elimination: the pair's other Chinese clauses are all
    confidently matched, and the English clauses their windows leave are exactly this link's.

    Why: a clause whose words the dictionary glosses poorly (私家车出行比例明显降低 against "the
    share of trips made by private car") loses its margin, though its neighbours are matched
    and the only English left is its own; word evidence and position then agree.
    """
    others = [other for other in pc.links if other is not link]
    if not others or not all(other.confident for other in others):
        return False
    taken = {c.start for other in others for c in other.en}
    left = tuple(c for c in pc.en if c.start not in taken)
    return bool(left) and tuple(c.start for c in left) == tuple(c.start for c in link.en)


def quote(text: str, limit: int = 60) -> str:
    """``text`` shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
